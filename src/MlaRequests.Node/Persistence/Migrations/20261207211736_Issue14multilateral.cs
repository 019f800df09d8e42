using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlaRequests.Node.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue14multilateral : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JitSignatures",
                columns: table => new
                {
                    BranchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RelayedBy = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeftAs = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JitSignatures", x => new { x.BranchId, x.Party });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JitSignatures");
        }
    }
}
