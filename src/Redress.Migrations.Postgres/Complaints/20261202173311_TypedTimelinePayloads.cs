using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Migrations.Postgres.Complaints
{
    /// <inheritdoc />
    public partial class TypedTimelinePayloads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BodySha256",
                table: "complaint_messages");

            migrationBuilder.AddColumn<int>(
                name: "SchemaVersion",
                table: "timeline_events",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BodyErasedAt",
                table: "complaint_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "personal_data_salts",
                columns: table => new
                {
                    ComplaintId = table.Column<long>(type: "bigint", nullable: false),
                    Item = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_data_salts", x => new { x.ComplaintId, x.Item });
                    table.ForeignKey(
                        name: "FK_personal_data_salts_complaint_sla_schedule_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaint_sla_schedule",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "personal_data_salts");

            migrationBuilder.DropColumn(
                name: "SchemaVersion",
                table: "timeline_events");

            migrationBuilder.DropColumn(
                name: "BodyErasedAt",
                table: "complaint_messages");

            migrationBuilder.AddColumn<string>(
                name: "BodySha256",
                table: "complaint_messages",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }
    }
}
