using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneDigital.Content.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BulletinSubscribers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BulletinSubscribers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConsentWording = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ConsentUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnsubscribedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmationTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmationSentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmationWindowUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmationsInWindow = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulletinSubscribers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BulletinSuppressions",
                columns: table => new
                {
                    EmailHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SuppressedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulletinSuppressions", x => x.EmailHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BulletinSubscribers_CreatedUtc",
                table: "BulletinSubscribers",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_BulletinSubscribers_Email",
                table: "BulletinSubscribers",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BulletinSubscribers_Status_CreatedUtc",
                table: "BulletinSubscribers",
                columns: new[] { "Status", "CreatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BulletinSubscribers");

            migrationBuilder.DropTable(
                name: "BulletinSuppressions");
        }
    }
}
