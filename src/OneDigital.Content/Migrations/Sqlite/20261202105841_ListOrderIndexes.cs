using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneDigital.Content.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ContentType_Published_PublishedUtc",
                table: "ContentItems");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentType_Published_CreatedUtc_Id",
                table: "ContentItems",
                columns: new[] { "ContentType", "Published", "CreatedUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentType_Published_DisplayText_Id",
                table: "ContentItems",
                columns: new[] { "ContentType", "Published", "DisplayText", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentType_Published_ModifiedUtc_Id",
                table: "ContentItems",
                columns: new[] { "ContentType", "Published", "ModifiedUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentType_Published_PublishedUtc_Id",
                table: "ContentItems",
                columns: new[] { "ContentType", "Published", "PublishedUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ContentType_Published_CreatedUtc_Id",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ContentType_Published_DisplayText_Id",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ContentType_Published_ModifiedUtc_Id",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ContentType_Published_PublishedUtc_Id",
                table: "ContentItems");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentType_Published_PublishedUtc",
                table: "ContentItems",
                columns: new[] { "ContentType", "Published", "PublishedUtc" });
        }
    }
}
