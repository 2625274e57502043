using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneDigital.Content.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConsentWording = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ConsentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UnsubscribedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmationTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConfirmationSentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmationWindowUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmationsInWindow = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulletinSubscribers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BulletinSuppressions",
                columns: table => new
                {
                    EmailHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SuppressedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
