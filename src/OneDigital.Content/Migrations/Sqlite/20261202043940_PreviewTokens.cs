using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneDigital.Content.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PreviewTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PreviewTokens",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    IssuedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreviewTokens", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PreviewTokens_ContentItemId_ExpiresUtc",
                table: "PreviewTokens",
                columns: new[] { "ContentItemId", "ExpiresUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PreviewTokens_TokenHash",
                table: "PreviewTokens",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PreviewTokens");
        }
    }
}
