using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProposalsAndConsentInTheirOwnHands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnsweredAt",
                table: "Proposals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredBy",
                table: "Proposals",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AnsweredThemselves",
                table: "Proposals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "GivenAt",
                table: "Consents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "GivenThemselves",
                table: "Consents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SharesEmail",
                table: "Consents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SharesPhone",
                table: "Consents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "Consents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "Consents",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WithdrawnThemselves",
                table: "Consents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "AnsweredBy",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "AnsweredThemselves",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "GivenAt",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "GivenThemselves",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "SharesEmail",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "SharesPhone",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "WithdrawnThemselves",
                table: "Consents");
        }
    }
}
