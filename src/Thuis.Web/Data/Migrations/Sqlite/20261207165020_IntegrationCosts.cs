using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntegrationCosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ChildcareArranged",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "InterpreterHours",
                table: "Sessions",
                type: "TEXT",
                precision: 6,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ChildcarePerSession",
                table: "CourseGroups",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "InterpreterRatePerHour",
                table: "CourseGroups",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PricePerParticipant",
                table: "CourseGroups",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Budgets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    StateContribution = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    SocialGuidance = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    OwnFunds = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ForLessons = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ForPvt = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ForMap = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ForOffers = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ForInterventions = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ForInterpreters = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ForChildcare = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    NormB1 = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    NormEducation = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    NormZ = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Budgets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Budgets_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Budgets_MunicipalityId_Year",
                table: "Budgets",
                columns: new[] { "MunicipalityId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Budgets");

            migrationBuilder.DropColumn(
                name: "ChildcareArranged",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "InterpreterHours",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ChildcarePerSession",
                table: "CourseGroups");

            migrationBuilder.DropColumn(
                name: "InterpreterRatePerHour",
                table: "CourseGroups");

            migrationBuilder.DropColumn(
                name: "PricePerParticipant",
                table: "CourseGroups");
        }
    }
}
