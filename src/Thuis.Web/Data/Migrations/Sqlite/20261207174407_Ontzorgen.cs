using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ontzorgen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HouseholdBudgets",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdBudgets", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_HouseholdBudgets_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OntzorgenCosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Payee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountPerMonth = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    PaidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HandBackOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HandBackHelp = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OntzorgenCosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OntzorgenCosts_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdBudgets_MunicipalityId",
                table: "HouseholdBudgets",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_OntzorgenCosts_MunicipalityId_NewcomerId",
                table: "OntzorgenCosts",
                columns: new[] { "MunicipalityId", "NewcomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_OntzorgenCosts_NewcomerId",
                table: "OntzorgenCosts",
                column: "NewcomerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HouseholdBudgets");

            migrationBuilder.DropTable(
                name: "OntzorgenCosts");
        }
    }
}
