using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Migrations.Postgres.Complaints
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
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReversalReference",
                table: "remedies",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReversedAt",
                table: "remedies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReversedById",
                table: "remedies",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rule",
                table: "remedies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AutoCheckDueAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AutoDecision",
                table: "complaints",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AutoRule",
                table: "complaints",
                type: "character varying(32)",
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
