using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlaRequests.Node.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue14milestones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Participants",
                table: "Milestones",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Milestones",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RequestId",
                table: "Milestones",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Shared",
                table: "Milestones",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Milestones",
                type: "TEXT",
                nullable: false,
                defaultValue: "Scheduled");

            migrationBuilder.CreateTable(
                name: "MilestoneConfirmations",
                columns: table => new
                {
                    MilestoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MilestoneConfirmations", x => new { x.MilestoneId, x.Country });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_RequestId",
                table: "Milestones",
                column: "RequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MilestoneConfirmations");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_RequestId",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "Participants",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "Shared",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Milestones");
        }
    }
}
