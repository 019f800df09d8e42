using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlaRequests.Node.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue15provisional : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProvisionalAuthority",
                table: "MeasureResults",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProvisionalDecidedAt",
                table: "MeasureResults",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvisionalGrounds",
                table: "MeasureResults",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvisionalOutcome",
                table: "MeasureResults",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvisionalReasons",
                table: "MeasureResults",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProvisionalRecordedAt",
                table: "MeasureResults",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvisionalRecordedBy",
                table: "MeasureResults",
                type: "TEXT",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvisionalMeasures",
                table: "IncomingCaseWorkflows",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvisionalMeasures",
                table: "BranchWorkflows",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProvisionalAuthority",
                table: "MeasureResults");

            migrationBuilder.DropColumn(
                name: "ProvisionalDecidedAt",
                table: "MeasureResults");

            migrationBuilder.DropColumn(
                name: "ProvisionalGrounds",
                table: "MeasureResults");

            migrationBuilder.DropColumn(
                name: "ProvisionalOutcome",
                table: "MeasureResults");

            migrationBuilder.DropColumn(
                name: "ProvisionalReasons",
                table: "MeasureResults");

            migrationBuilder.DropColumn(
                name: "ProvisionalRecordedAt",
                table: "MeasureResults");

            migrationBuilder.DropColumn(
                name: "ProvisionalRecordedBy",
                table: "MeasureResults");

            migrationBuilder.DropColumn(
                name: "ProvisionalMeasures",
                table: "IncomingCaseWorkflows");

            migrationBuilder.DropColumn(
                name: "ProvisionalMeasures",
                table: "BranchWorkflows");
        }
    }
}
