using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlaRequests.Node.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue14amendment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JitAgreementVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BranchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Agreement = table.Column<string>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: true),
                    ProposedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JitAgreementVersions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JitAgreementVersions_BranchId",
                table: "JitAgreementVersions",
                column: "BranchId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JitAgreementVersions");
        }
    }
}
