using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LearningRoute = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    MainGoal = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    NewcomerWishes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MapHoursPerWeek = table.Column<int>(type: "integer", nullable: true),
                    PvtHoursPerWeek = table.Column<int>(type: "integer", nullable: true),
                    OntzorgenFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    OntzorgenUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    ChildcareArrangement = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    GuidanceArrangement = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ProgressMeetingEveryWeeks = table.Column<int>(type: "integer", nullable: true),
                    NextProgressMeeting = table.Column<DateOnly>(type: "date", nullable: true),
                    PiezoPhase = table.Column<int>(type: "integer", nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DraftedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DraftedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FixedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FixedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Domain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Domain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    What = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Owner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    LowThreshold = table.Column<bool>(type: "boolean", nullable: false),
                    Offer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StatusSince = table.Column<DateOnly>(type: "date", nullable: false),
                    DroppedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
