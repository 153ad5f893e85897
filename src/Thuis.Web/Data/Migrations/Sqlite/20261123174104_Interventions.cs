using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Interventions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Interventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SeedKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SeedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IsExample = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Approach = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WorkingElements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Preconditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Domains = table.Column<string>(type: "TEXT", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CostPerParticipant = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    Duration = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Criteria_HasHandbook = table.Column<bool>(type: "INTEGER", nullable: false),
                    Criteria_ProcessEvaluated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Criteria_RunningForYears = table.Column<bool>(type: "INTEGER", nullable: false),
                    Criteria_WellDescribed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Recognition_AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Recognition_Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Recognition_ValidYears = table.Column<int>(type: "INTEGER", nullable: true),
                    Target_ForOver50 = table.Column<bool>(type: "INTEGER", nullable: false),
                    Target_ForParents = table.Column<bool>(type: "INTEGER", nullable: false),
                    Target_ForYoungPeople = table.Column<bool>(type: "INTEGER", nullable: false),
                    Target_Gender = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Target_MaxAge = table.Column<int>(type: "INTEGER", nullable: true),
                    Target_MinAge = table.Column<int>(type: "INTEGER", nullable: true),
                    Target_MinimumDutch = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Target_SuitsNonLiterate = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interventions_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InterventionAvailabilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InterventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    WaitingList = table.Column<int>(type: "INTEGER", nullable: true),
                    Schedule = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CostHere = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterventionAvailabilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterventionAvailabilities_Interventions_InterventionId",
                        column: x => x.InterventionId,
                        principalTable: "Interventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InterventionAvailabilities_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InterventionAvailabilities_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InterventionAvailabilities_InterventionId",
                table: "InterventionAvailabilities",
                column: "InterventionId");

            migrationBuilder.CreateIndex(
                name: "IX_InterventionAvailabilities_MunicipalityId_InterventionId",
                table: "InterventionAvailabilities",
                columns: new[] { "MunicipalityId", "InterventionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InterventionAvailabilities_OrganisationId",
                table: "InterventionAvailabilities",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_MunicipalityId",
                table: "Interventions",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_SeedKey",
                table: "Interventions",
                column: "SeedKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InterventionAvailabilities");

            migrationBuilder.DropTable(
                name: "Interventions");
        }
    }
}
