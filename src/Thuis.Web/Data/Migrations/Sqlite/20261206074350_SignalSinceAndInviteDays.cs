using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignalSinceAndInviteDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "IntakeInviteDays",
                table: "SignalSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 14);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Since",
                table: "Signals",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Until the rules say better at their next run, a signal's situation began when it was raised.
            migrationBuilder.Sql("UPDATE Signals SET Since = RaisedOn;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IntakeInviteDays",
                table: "SignalSettings");

            migrationBuilder.DropColumn(
                name: "Since",
                table: "Signals");
        }
    }
}
