using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GamifyHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class Challenges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Challenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    MetricAction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    MetricCategory = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Target = table.Column<double>(type: "REAL", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DepartmentIds = table.Column<string>(type: "TEXT", nullable: false),
                    RewardPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    RewardBadge = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Recurrence = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Occurrence = table.Column<int>(type: "INTEGER", nullable: false),
                    EndingSoonSent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rewarded = table.Column<string>(type: "TEXT", nullable: false),
                    Winners = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Challenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    GrainId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReminderName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    GrainHash = table.Column<long>(type: "INTEGER", nullable: false),
                    StartAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PeriodTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => new { x.GrainId, x.ReminderName });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_Status",
                table: "Challenges",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_GrainHash",
                table: "Reminders",
                column: "GrainHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Challenges");

            migrationBuilder.DropTable(
                name: "Reminders");
        }
    }
}
