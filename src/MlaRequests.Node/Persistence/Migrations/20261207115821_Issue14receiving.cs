using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlaRequests.Node.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue14receiving : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RefusalProposedBy",
                table: "IncomingCaseWorkflows",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefusalProposedFrom",
                table: "IncomingCaseWorkflows",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedRefusalGrounds",
                table: "IncomingCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedRefusalReasons",
                table: "IncomingCases",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RefusalProposedBy",
                table: "IncomingCaseWorkflows");

            migrationBuilder.DropColumn(
                name: "RefusalProposedFrom",
                table: "IncomingCaseWorkflows");

            migrationBuilder.DropColumn(
                name: "ProposedRefusalGrounds",
                table: "IncomingCases");

            migrationBuilder.DropColumn(
                name: "ProposedRefusalReasons",
                table: "IncomingCases");
        }
    }
}
