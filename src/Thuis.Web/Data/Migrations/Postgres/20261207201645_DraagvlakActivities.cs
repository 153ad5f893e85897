using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DraagvlakActivities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "QuietNeighbourhoodMonths",
                table: "SignalSettings",
                type: "integer",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.CreateTable(
                name: "CommunityActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Setting = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PostcodeArea = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Neighbourhood = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Audience = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AudienceNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reached = table.Column<int>(type: "integer", nullable: true),
                    NewVolunteers = table.Column<int>(type: "integer", nullable: true),
                    NewOffers = table.Column<int>(type: "integer", nullable: true),
                    FollowUp = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityActivities_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoleModelConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleModelConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleModelConsents_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityRoleModels",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityRoleModels", x => new { x.ActivityId, x.NewcomerId });
                    table.ForeignKey(
                        name: "FK_ActivityRoleModels_CommunityActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "CommunityActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityRoleModels_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityVolunteers",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityVolunteers", x => new { x.ActivityId, x.VolunteerId });
                    table.ForeignKey(
                        name: "FK_ActivityVolunteers_CommunityActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "CommunityActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityVolunteers_Volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityRoleModels_NewcomerId",
                table: "ActivityRoleModels",
                column: "NewcomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityVolunteers_VolunteerId",
                table: "ActivityVolunteers",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityActivities_MunicipalityId_Date",
                table: "CommunityActivities",
                columns: new[] { "MunicipalityId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityActivities_OrganisationId",
                table: "CommunityActivities",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleModelConsents_MunicipalityId_NewcomerId",
                table: "RoleModelConsents",
                columns: new[] { "MunicipalityId", "NewcomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleModelConsents_NewcomerId",
                table: "RoleModelConsents",
                column: "NewcomerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityRoleModels");

            migrationBuilder.DropTable(
                name: "ActivityVolunteers");

            migrationBuilder.DropTable(
                name: "RoleModelConsents");

            migrationBuilder.DropTable(
                name: "CommunityActivities");

            migrationBuilder.DropColumn(
                name: "QuietNeighbourhoodMonths",
                table: "SignalSettings");
        }
    }
}
