using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneDigital.Content.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialFieldIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentFieldIndex_ContentItemId",
                table: "ContentFieldIndex");

            migrationBuilder.DropIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_DateValue",
                table: "ContentFieldIndex");

            migrationBuilder.DropIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_NumberValue",
                table: "ContentFieldIndex");

            migrationBuilder.DropIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_TextValue_NumberValue",
                table: "ContentFieldIndex");

            migrationBuilder.CreateIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_DateValue",
                table: "ContentFieldIndex",
                columns: new[] { "PartName", "FieldName", "DateValue" },
                filter: "\"DateValue\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_NumberValue",
                table: "ContentFieldIndex",
                columns: new[] { "PartName", "FieldName", "NumberValue" },
                filter: "\"NumberValue\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_TextValue_NumberValue",
                table: "ContentFieldIndex",
                columns: new[] { "PartName", "FieldName", "TextValue", "NumberValue" },
                filter: "\"TextValue\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_DateValue",
                table: "ContentFieldIndex");

            migrationBuilder.DropIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_NumberValue",
                table: "ContentFieldIndex");

            migrationBuilder.DropIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_TextValue_NumberValue",
                table: "ContentFieldIndex");

            migrationBuilder.CreateIndex(
                name: "IX_ContentFieldIndex_ContentItemId",
                table: "ContentFieldIndex",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_DateValue",
                table: "ContentFieldIndex",
                columns: new[] { "PartName", "FieldName", "DateValue" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_NumberValue",
                table: "ContentFieldIndex",
                columns: new[] { "PartName", "FieldName", "NumberValue" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_TextValue_NumberValue",
                table: "ContentFieldIndex",
                columns: new[] { "PartName", "FieldName", "TextValue", "NumberValue" });
        }
    }
}
