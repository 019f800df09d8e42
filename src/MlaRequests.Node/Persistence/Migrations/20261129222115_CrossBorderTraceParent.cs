using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlaRequests.Node.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CrossBorderTraceParent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TraceParent",
                table: "CrossBorderMessages",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TraceParent",
                table: "CrossBorderMessages");
        }
    }
}
