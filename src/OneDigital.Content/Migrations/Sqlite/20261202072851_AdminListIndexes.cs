using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneDigital.Content.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdminListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_Latest_ModifiedUtc",
                table: "ContentItems");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_AdminList",
                table: "ContentItems",
                columns: new[] { "Latest", "ModifiedUtc", "Id", "ContentType", "Published", "Owner", "DisplayText" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_AdminList",
                table: "ContentItems");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Latest_ModifiedUtc",
                table: "ContentItems",
                columns: new[] { "Latest", "ModifiedUtc" });
        }
    }
}
