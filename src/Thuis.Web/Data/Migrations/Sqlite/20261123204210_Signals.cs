using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NextAction = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SnoozedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EscalatedTo = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    EscalatedToOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    HandledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeadlineWarningDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AttendanceAbsences = table.Column<int>(type: "INTEGER", nullable: false),
                    AttendanceWindow = table.Column<int>(type: "INTEGER", nullable: false),
                    StagnationWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    IsolationWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    OverAskedActivities = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferralAnswerDays = table.Column<int>(type: "INTEGER", nullable: false),
                    QuietDaysAfterResolve = table.Column<int>(type: "INTEGER", nullable: false)
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
