using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneDigital.Content.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_TextValue",
                table: "ContentFieldIndex");

            migrationBuilder.CreateIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_TextValue_NumberValue",
                table: "ContentFieldIndex",
                columns: new[] { "PartName", "FieldName", "TextValue", "NumberValue" });

            // A list's rows now hold each item's position too (ContentItemStore.IndexEntries).
            migrationBuilder.Sql(
                @"UPDATE ""ContentFieldIndex"" SET ""NumberValue"" = (
                    SELECT o.""NumberValue"" FROM ""ContentFieldIndex"" o
                    WHERE o.""ContentItemRecordId"" = ""ContentFieldIndex"".""ContentItemRecordId""
                      AND o.""PartName"" = 'ContainedPart' AND o.""FieldName"" = 'Order')
                  WHERE ""PartName"" = 'ContainedPart' AND ""FieldName"" = 'ListContentItemId';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_TextValue_NumberValue",
                table: "ContentFieldIndex");

            migrationBuilder.CreateIndex(
                name: "IX_ContentFieldIndex_PartName_FieldName_TextValue",
                table: "ContentFieldIndex",
                columns: new[] { "PartName", "FieldName", "TextValue" });
        }
    }
}
