using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Migrations.Sqlite.Complaints
{
    /// <inheritdoc />
    public partial class AutoResolution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Explanation",
                table: "remedies",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReversalReference",
                table: "remedies",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReversedAt",
                table: "remedies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReversedById",
                table: "remedies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rule",
                table: "remedies",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AutoCheckDueAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AutoDecision",
                table: "complaints",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AutoRule",
                table: "complaints",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaints_AutoCheckDueAt",
                table: "complaints",
                column: "AutoCheckDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_AutoDecision_Id",
                table: "complaints",
                columns: new[] { "AutoDecision", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_complaints_AutoCheckDueAt",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "IX_complaints_AutoDecision_Id",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "Explanation",
                table: "remedies");

            migrationBuilder.DropColumn(
                name: "ReversalReference",
                table: "remedies");

            migrationBuilder.DropColumn(
                name: "ReversedAt",
                table: "remedies");

            migrationBuilder.DropColumn(
                name: "ReversedById",
                table: "remedies");

            migrationBuilder.DropColumn(
                name: "Rule",
                table: "remedies");

            migrationBuilder.DropColumn(
                name: "AutoCheckDueAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "AutoDecision",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "AutoRule",
                table: "complaints");
        }
    }
}
