using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Signals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Signals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Urgency = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    NextAction = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SnoozedUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    EscalatedTo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EscalatedToOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    HandledBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    HandledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Signals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Signals_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignalSettings",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeadlineWarningDays = table.Column<int>(type: "integer", nullable: false),
                    AttendanceAbsences = table.Column<int>(type: "integer", nullable: false),
                    AttendanceWindow = table.Column<int>(type: "integer", nullable: false),
                    StagnationWeeks = table.Column<int>(type: "integer", nullable: false),
                    IsolationWeeks = table.Column<int>(type: "integer", nullable: false),
                    OverAskedActivities = table.Column<int>(type: "integer", nullable: false),
                    ReferralAnswerDays = table.Column<int>(type: "integer", nullable: false),
                    QuietDaysAfterResolve = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignalSettings", x => x.MunicipalityId);
                    table.ForeignKey(
                        name: "FK_SignalSettings_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_MunicipalityId_ClosedOn",
                table: "Signals",
                columns: new[] { "MunicipalityId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_MunicipalityId_NewcomerId_Kind",
                table: "Signals",
                columns: new[] { "MunicipalityId", "NewcomerId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_NewcomerId",
                table: "Signals",
                column: "NewcomerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Signals");

            migrationBuilder.DropTable(
                name: "SignalSettings");
        }
    }
}
