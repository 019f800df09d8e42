using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlaRequests.Node.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class QuarantineLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BodyBytes",
                table: "QuarantinedMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodySha256",
                table: "QuarantinedMessages",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "QuarantineSummaries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<string>(type: "TEXT", nullable: false),
                    FromNode = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarantineSummaries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuarantinedMessages_MessageId",
                table: "QuarantinedMessages",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineSummaries_Day_FromNode_Reason",
                table: "QuarantineSummaries",
                columns: new[] { "Day", "FromNode", "Reason" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuarantineSummaries");

            migrationBuilder.DropIndex(
                name: "IX_QuarantinedMessages_MessageId",
                table: "QuarantinedMessages");

            migrationBuilder.DropColumn(
                name: "BodyBytes",
                table: "QuarantinedMessages");

            migrationBuilder.DropColumn(
                name: "BodySha256",
                table: "QuarantinedMessages");
        }
    }
}
