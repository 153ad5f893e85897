using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommunityVolunteersAndPartnerApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MatchQuietWeeks",
                table: "SignalSettings",
                type: "integer",
                nullable: false,
                defaultValue: 4);

            migrationBuilder.AddColumn<int>(
                name: "QuietNeighbourhoodMonths",
                table: "SignalSettings",
                type: "integer",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.AddColumn<int>(
                name: "VogValidMonths",
                table: "SignalSettings",
                type: "integer",
                nullable: false,
                defaultValue: 36);

            migrationBuilder.AddColumn<Guid>(
                name: "VolunteerId",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

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
                name: "MatchEndings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EndedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchEndings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchEndings_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchEndings_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchEndings_Volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    SecretHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerApiKeys_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                    WithdrawnThemselves = table.Column<bool>(type: "boolean", nullable: false),
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
                name: "VolunteerConcerns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Words = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerConcerns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerConcerns_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VolunteerConcerns_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VolunteerConcerns_Volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Activities = table.Column<string[]>(type: "text[]", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LoggedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LoggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerMeetings_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VolunteerMeetings_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VolunteerMeetings_Volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteers",
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
                name: "IX_AspNetUsers_VolunteerId",
                table: "AspNetUsers",
                column: "VolunteerId",
                unique: true);

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
                name: "IX_MatchEndings_MunicipalityId_VolunteerId",
                table: "MatchEndings",
                columns: new[] { "MunicipalityId", "VolunteerId" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchEndings_NewcomerId",
                table: "MatchEndings",
                column: "NewcomerId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchEndings_ProposalId",
                table: "MatchEndings",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchEndings_VolunteerId",
                table: "MatchEndings",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerApiKeys_MunicipalityId_OrganisationId",
                table: "PartnerApiKeys",
                columns: new[] { "MunicipalityId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerApiKeys_OrganisationId",
                table: "PartnerApiKeys",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerApiKeys_Prefix",
                table: "PartnerApiKeys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoleModelConsents_MunicipalityId_NewcomerId",
                table: "RoleModelConsents",
                columns: new[] { "MunicipalityId", "NewcomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleModelConsents_NewcomerId",
                table: "RoleModelConsents",
                column: "NewcomerId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerConcerns_MunicipalityId_NewcomerId",
                table: "VolunteerConcerns",
                columns: new[] { "MunicipalityId", "NewcomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerConcerns_NewcomerId",
                table: "VolunteerConcerns",
                column: "NewcomerId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerConcerns_ProposalId",
                table: "VolunteerConcerns",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerConcerns_VolunteerId",
                table: "VolunteerConcerns",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerMeetings_MunicipalityId_VolunteerId_On",
                table: "VolunteerMeetings",
                columns: new[] { "MunicipalityId", "VolunteerId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerMeetings_NewcomerId",
                table: "VolunteerMeetings",
                column: "NewcomerId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerMeetings_ProposalId",
                table: "VolunteerMeetings",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerMeetings_VolunteerId",
                table: "VolunteerMeetings",
                column: "VolunteerId");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Volunteers_VolunteerId",
                table: "AspNetUsers",
                column: "VolunteerId",
                principalTable: "Volunteers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Volunteers_VolunteerId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ActivityRoleModels");

            migrationBuilder.DropTable(
                name: "ActivityVolunteers");

            migrationBuilder.DropTable(
                name: "MatchEndings");

            migrationBuilder.DropTable(
                name: "PartnerApiKeys");

            migrationBuilder.DropTable(
                name: "RoleModelConsents");

            migrationBuilder.DropTable(
                name: "VolunteerConcerns");

            migrationBuilder.DropTable(
                name: "VolunteerMeetings");

            migrationBuilder.DropTable(
                name: "CommunityActivities");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_VolunteerId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MatchQuietWeeks",
                table: "SignalSettings");

            migrationBuilder.DropColumn(
                name: "QuietNeighbourhoodMonths",
                table: "SignalSettings");

            migrationBuilder.DropColumn(
                name: "VogValidMonths",
                table: "SignalSettings");

            migrationBuilder.DropColumn(
                name: "VolunteerId",
                table: "AspNetUsers");
        }
    }
}
