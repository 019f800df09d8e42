using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlaRequests.Node.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue14jit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "JitEndsOn",
                table: "IncomingCaseWorkflows",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JitExtensions",
                table: "IncomingCaseWorkflows",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProposedJitEndsOn",
                table: "IncomingCaseWorkflows",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JitEndsOn",
                table: "BranchWorkflows",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JitExtensions",
                table: "BranchWorkflows",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProposedJitEndsOn",
                table: "BranchWorkflows",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "JitEndsOn",
                table: "IncomingCaseWorkflows");

            migrationBuilder.DropColumn(
                name: "JitExtensions",
                table: "IncomingCaseWorkflows");

            migrationBuilder.DropColumn(
                name: "ProposedJitEndsOn",
                table: "IncomingCaseWorkflows");

            migrationBuilder.DropColumn(
                name: "JitEndsOn",
                table: "BranchWorkflows");

            migrationBuilder.DropColumn(
                name: "JitExtensions",
                table: "BranchWorkflows");

            migrationBuilder.DropColumn(
                name: "ProposedJitEndsOn",
                table: "BranchWorkflows");
        }
    }
}
