using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneDigital.Content.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContentScheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScheduledChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScheduledByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ScheduledByUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ScheduledUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledChanges_ContentItemId_State",
                table: "ScheduledChanges",
                columns: new[] { "ContentItemId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledChanges_State_DueUtc",
                table: "ScheduledChanges",
                columns: new[] { "State", "DueUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScheduledChanges");
        }
    }
}
