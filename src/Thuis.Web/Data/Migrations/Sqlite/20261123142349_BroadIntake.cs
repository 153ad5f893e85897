using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BroadIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CaseManagerId",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "City",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CountryOfOrigin",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "HouseNumber",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "HousingDate",
                table: "Newcomers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InterpreterNeeded",
                table: "Newcomers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Nationality",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PausedUntil",
                table: "Newcomers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PermitDate",
                table: "Newcomers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Postcode",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredLanguage",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RegistrationDate",
                table: "Newcomers",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Street",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetGroup",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "VNumber",
                table: "Newcomers",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Newcomers",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "IntakeAspirations",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShortTerm = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LongTerm = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeAspirations", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_IntakeAspirations_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeCircumstances",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PhysicalHealth = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MentalHealth = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TraumaCare = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CareForChildren = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PracticalLimits = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeCircumstances", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_IntakeCircumstances_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeEducation",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HighestLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Years = table.Column<int>(type: "INTEGER", nullable: true),
                    HasDiploma = table.Column<bool>(type: "INTEGER", nullable: false),
                    Valuation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ValuationResult = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeEducation", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_IntakeEducation_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeFinances",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncomeSource = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HasDebts = table.Column<bool>(type: "INTEGER", nullable: true),
                    DebtAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Creditors = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DebtHelp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HasBankAccount = table.Column<bool>(type: "INTEGER", nullable: true),
                    OntzorgenInPlace = table.Column<bool>(type: "INTEGER", nullable: true),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeFinances", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_IntakeFinances_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeHousehold",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PartnerInNetherlands = table.Column<bool>(type: "INTEGER", nullable: false),
                    FamilyReunification = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FamilyReunificationNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Children = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeHousehold", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_IntakeHousehold_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeInvitations",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Invitations = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeInvitations", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_IntakeInvitations_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeLanguages",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LatinScript = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeLanguages", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_IntakeLanguages_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeLearnability",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Exempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExemptionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeLearnability", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_IntakeLearnability_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeNetwork",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Contacts = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeNetwork", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_IntakeNetwork_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeReciprocity",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Offers = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeReciprocity", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_IntakeReciprocity_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeStrengths",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Talents = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Skills = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Hobbies = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Interests = table.Column<string>(type: "TEXT", nullable: false),
                    KnownFor = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EnergisedBy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeStrengths", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_IntakeStrengths_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeWorkExperience",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Jobs = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeWorkExperience", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_IntakeWorkExperience_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Newcomers_CaseManagerId",
                table: "Newcomers",
                column: "CaseManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_Newcomers_MunicipalityId_Bsn",
                table: "Newcomers",
                columns: new[] { "MunicipalityId", "Bsn" });

            migrationBuilder.CreateIndex(
                name: "IX_Newcomers_MunicipalityId_CaseManagerId",
                table: "Newcomers",
                columns: new[] { "MunicipalityId", "CaseManagerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Newcomers_MunicipalityId_VNumber",
                table: "Newcomers",
                columns: new[] { "MunicipalityId", "VNumber" });

            migrationBuilder.AddForeignKey(
                name: "FK_Newcomers_AspNetUsers_CaseManagerId",
                table: "Newcomers",
                column: "CaseManagerId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Newcomers_AspNetUsers_CaseManagerId",
                table: "Newcomers");

            migrationBuilder.DropTable(
                name: "IntakeAspirations");

            migrationBuilder.DropTable(
                name: "IntakeCircumstances");

            migrationBuilder.DropTable(
                name: "IntakeEducation");

            migrationBuilder.DropTable(
                name: "IntakeFinances");

            migrationBuilder.DropTable(
                name: "IntakeHousehold");

            migrationBuilder.DropTable(
                name: "IntakeInvitations");

            migrationBuilder.DropTable(
                name: "IntakeLanguages");

            migrationBuilder.DropTable(
                name: "IntakeLearnability");

            migrationBuilder.DropTable(
                name: "IntakeNetwork");

            migrationBuilder.DropTable(
                name: "IntakeReciprocity");

            migrationBuilder.DropTable(
                name: "IntakeStrengths");

            migrationBuilder.DropTable(
                name: "IntakeWorkExperience");

            migrationBuilder.DropIndex(
                name: "IX_Newcomers_CaseManagerId",
                table: "Newcomers");

            migrationBuilder.DropIndex(
                name: "IX_Newcomers_MunicipalityId_Bsn",
                table: "Newcomers");

            migrationBuilder.DropIndex(
                name: "IX_Newcomers_MunicipalityId_CaseManagerId",
                table: "Newcomers");

            migrationBuilder.DropIndex(
                name: "IX_Newcomers_MunicipalityId_VNumber",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "CaseManagerId",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "City",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "CountryOfOrigin",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "Gender",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "HouseNumber",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "HousingDate",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "InterpreterNeeded",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "Nationality",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "PausedUntil",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "PermitDate",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "Postcode",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "PreferredLanguage",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "RegistrationDate",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "Street",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "TargetGroup",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "VNumber",
                table: "Newcomers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Newcomers");
        }
    }
}
