using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GamifyHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class TopicsProducts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Products",
                table: "RoutingRules",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Topics",
                table: "RoutingRules",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Products",
                table: "FeedbackItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Topics",
                table: "FeedbackItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "TaxonomyChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Taxonomy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxonomyChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaxonomyEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxonomyEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaxonomyChanges_At",
                table: "TaxonomyChanges",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TaxonomyChanges");

            migrationBuilder.DropTable(
                name: "TaxonomyEntries");

            migrationBuilder.DropColumn(
                name: "Products",
                table: "RoutingRules");

            migrationBuilder.DropColumn(
                name: "Topics",
                table: "RoutingRules");

            migrationBuilder.DropColumn(
                name: "Products",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "Topics",
                table: "FeedbackItems");
        }
    }
}
