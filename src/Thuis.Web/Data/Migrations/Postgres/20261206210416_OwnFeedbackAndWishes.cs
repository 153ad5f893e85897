using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OwnFeedbackAndWishes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RecordedByNewcomer",
                table: "IntakeWorkExperience",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RecordedByNewcomer",
                table: "IntakeStrengths",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RecordedByNewcomer",
                table: "IntakeReciprocity",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RecordedByNewcomer",
                table: "IntakeNetwork",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RecordedByNewcomer",
                table: "IntakeLearnability",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RecordedByNewcomer",
                table: "IntakeLanguages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RecordedByNewcomer",
                table: "IntakeInvitations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RecordedByNewcomer",
                table: "IntakeHousehold",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RecordedByNewcomer",
                table: "IntakeFinances",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RecordedByNewcomer",
                table: "IntakeEducation",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RecordedByNewcomer",
                table: "IntakeCircumstances",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RecordedByNewcomer",
                table: "IntakeAspirations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ActivityFeedbacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    What = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Moment = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Face = table.Column<int>(type: "integer", nullable: false),
                    Words = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    WantsToContinue = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityFeedbacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityFeedbacks_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityFeedbacks_MunicipalityId_ActivityKind_ActivityId",
                table: "ActivityFeedbacks",
                columns: new[] { "MunicipalityId", "ActivityKind", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityFeedbacks_NewcomerId_ActivityId_Moment",
                table: "ActivityFeedbacks",
                columns: new[] { "NewcomerId", "ActivityId", "Moment" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityFeedbacks");

            migrationBuilder.DropColumn(
                name: "RecordedByNewcomer",
                table: "IntakeWorkExperience");

            migrationBuilder.DropColumn(
                name: "RecordedByNewcomer",
                table: "IntakeStrengths");

            migrationBuilder.DropColumn(
                name: "RecordedByNewcomer",
                table: "IntakeReciprocity");

            migrationBuilder.DropColumn(
                name: "RecordedByNewcomer",
                table: "IntakeNetwork");

            migrationBuilder.DropColumn(
                name: "RecordedByNewcomer",
                table: "IntakeLearnability");

            migrationBuilder.DropColumn(
                name: "RecordedByNewcomer",
                table: "IntakeLanguages");

            migrationBuilder.DropColumn(
                name: "RecordedByNewcomer",
                table: "IntakeInvitations");

            migrationBuilder.DropColumn(
                name: "RecordedByNewcomer",
                table: "IntakeHousehold");

            migrationBuilder.DropColumn(
                name: "RecordedByNewcomer",
                table: "IntakeFinances");

            migrationBuilder.DropColumn(
                name: "RecordedByNewcomer",
                table: "IntakeEducation");

            migrationBuilder.DropColumn(
                name: "RecordedByNewcomer",
                table: "IntakeCircumstances");

            migrationBuilder.DropColumn(
                name: "RecordedByNewcomer",
                table: "IntakeAspirations");
        }
    }
}
