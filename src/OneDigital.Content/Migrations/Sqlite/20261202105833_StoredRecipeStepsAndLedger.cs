using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneDigital.Content.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoredRecipeStepsAndLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecipeItemLedger",
                columns: table => new
                {
                    Recipe = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ItemKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecipeItemLedger", x => new { x.Recipe, x.ItemKey });
                });

            migrationBuilder.CreateTable(
                name: "StoredRecipeSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Identity = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    StoredUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredRecipeSteps", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoredRecipeSteps_Name_Identity",
                table: "StoredRecipeSteps",
                columns: new[] { "Name", "Identity" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecipeItemLedger");

            migrationBuilder.DropTable(
                name: "StoredRecipeSteps");
        }
    }
}
