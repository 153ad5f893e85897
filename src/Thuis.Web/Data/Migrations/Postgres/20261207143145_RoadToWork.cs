using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoadToWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Contract",
                table: "Offers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoursPerWeek",
                table: "Offers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JobApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    What = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HiredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Contract = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    HoursPerWeek = table.Column<int>(type: "integer", nullable: true),
                    Benefit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PersonLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    WorkLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Steps = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobApplications_Consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "Consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JobApplications_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JobApplications_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JobApplications_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JobApplications_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobCoaches",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobCoaches", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_JobCoaches_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobApplications_ConsentId",
                table: "JobApplications",
                column: "ConsentId");

            migrationBuilder.CreateIndex(
                name: "IX_JobApplications_MunicipalityId_NewcomerId",
                table: "JobApplications",
                columns: new[] { "MunicipalityId", "NewcomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_JobApplications_MunicipalityId_OrganisationId",
                table: "JobApplications",
                columns: new[] { "MunicipalityId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_JobApplications_NewcomerId",
                table: "JobApplications",
                column: "NewcomerId");

            migrationBuilder.CreateIndex(
                name: "IX_JobApplications_OfferId",
                table: "JobApplications",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_JobApplications_OrganisationId",
                table: "JobApplications",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_JobApplications_ProposalId",
                table: "JobApplications",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobCoaches_MunicipalityId",
                table: "JobCoaches",
                column: "MunicipalityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobApplications");

            migrationBuilder.DropTable(
                name: "JobCoaches");

            migrationBuilder.DropColumn(
                name: "Contract",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "HoursPerWeek",
                table: "Offers");
        }
    }
}
