using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntegrationPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LearningRoute = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MainGoal = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NewcomerWishes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MapHoursPerWeek = table.Column<int>(type: "INTEGER", nullable: true),
                    PvtHoursPerWeek = table.Column<int>(type: "INTEGER", nullable: true),
                    OntzorgenFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OntzorgenUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChildcareArrangement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    GuidanceArrangement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProgressMeetingEveryWeeks = table.Column<int>(type: "INTEGER", nullable: true),
                    NextProgressMeeting = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PiezoPhase = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DraftedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DraftedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FixedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FixedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrationPlans_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanGoals_IntegrationPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "IntegrationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LowThreshold = table.Column<bool>(type: "INTEGER", nullable: false),
                    Offer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StatusSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DroppedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanSteps_IntegrationPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "IntegrationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationPlans_MunicipalityId_State",
                table: "IntegrationPlans",
                columns: new[] { "MunicipalityId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationPlans_NewcomerId_Number",
                table: "IntegrationPlans",
                columns: new[] { "NewcomerId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_PlanId_Domain",
                table: "PlanGoals",
                columns: new[] { "PlanId", "Domain" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanSteps_MunicipalityId_Status",
                table: "PlanSteps",
                columns: new[] { "MunicipalityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanSteps_PlanId_Position",
                table: "PlanSteps",
                columns: new[] { "PlanId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanGoals");

            migrationBuilder.DropTable(
                name: "PlanSteps");

            migrationBuilder.DropTable(
                name: "IntegrationPlans");
        }
    }
}
