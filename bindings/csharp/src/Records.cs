// Typed records of the documents a front end reads most: the person (master data), the goals of
// the current plan, and the statistics. Member names are the library's JSON names; a test reads
// the library's own documents and fails on a name the library does not write.
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Jmdcm
{
    /// <summary>The young person's master data (personal: present between consent and withdrawal or anonymisation).</summary>
    [DataContract]
    public sealed class Person
    {
        [DataMember(Name = "family_name")] public string FamilyName { get; private set; }
        [DataMember(Name = "given_name")] public string GivenName { get; private set; }
        [DataMember(Name = "birth_date")] string birthDate;
        [DataMember(Name = "gender")] string gender;
        [DataMember(Name = "country_of_origin")] public string CountryOfOrigin { get; private set; }
        [DataMember(Name = "arrival_date")] string arrivalDate;
        [DataMember(Name = "address")] public Address Address { get; private set; }
        [DataMember(Name = "residence")] public Residence Residence { get; private set; }
        [DataMember(Name = "languages")] List<string> languages;

        public DateTime BirthDate => Json.Date(birthDate);
        public Gender? Gender => gender == null ? (Gender?)null : Names.Parse<Gender>(gender);
        public DateTime? ArrivalDate => Json.OptionalDate(arrivalDate);
        public IReadOnlyList<string> Languages => (languages ?? new List<string>()).AsReadOnly();
    }

    [DataContract]
    public sealed class Address
    {
        [DataMember(Name = "street")] public string Street { get; private set; }
        [DataMember(Name = "postcode")] public string Postcode { get; private set; }
        [DataMember(Name = "city")] public string City { get; private set; }
    }

    /// <summary>R2: the residence status; <see cref="Category"/> is the library's name (e.g. "recognised_refugee").</summary>
    [DataContract]
    public sealed class Residence
    {
        [DataMember(Name = "category")] public string Category { get; private set; }
        [DataMember(Name = "other")] public string Other { get; private set; }
        [DataMember(Name = "lawful")] public bool? Lawful { get; private set; }
    }

    /// <summary>R8: one goal of a plan.</summary>
    [DataContract]
    public sealed class Goal
    {
        [DataMember(Name = "id")] public string Id { get; private set; }
        [DataMember(Name = "catalogue_id")] public string CatalogueId { get; private set; }
        [DataMember(Name = "area")] string area;
        [DataMember(Name = "priority")] public int Priority { get; private set; }
        [DataMember(Name = "text")] public string Text { get; private set; }
        [DataMember(Name = "measures")] public string Measures { get; private set; }
        [DataMember(Name = "indicator")] public string Indicator { get; private set; }
        [DataMember(Name = "target_date")] string targetDate;
        [DataMember(Name = "review_date")] string reviewDate;
        [DataMember(Name = "offer_available")] public bool OfferAvailable { get; private set; }
        [DataMember(Name = "gap")] public string Gap { get; private set; }

        /// <summary>The life area (none for a goal outside the catalogue's areas).</summary>
        public LifeArea? Area => area == null ? (LifeArea?)null : Names.Parse<LifeArea>(area);
        public DateTime? TargetDate => Json.OptionalDate(targetDate);
        /// <summary>The review date (Wiedervorlage).</summary>
        public DateTime? ReviewDate => Json.OptionalDate(reviewDate);
    }

    [DataContract]
    internal sealed class PlanHead
    {
        [DataMember(Name = "version")] public int Version;
        [DataMember(Name = "goals")] public List<Goal> Goals;
    }

    /// <summary>R12/R15 statistics with cell suppression (see <see cref="Store.StatisticsReport"/>).</summary>
    [DataContract]
    public sealed class Statistics
    {
        [DataMember(Name = "on")] string on;
        [DataMember(Name = "min_cell")] public int MinCell { get; private set; }
        [DataMember(Name = "tables")] public List<StatisticsTable> Tables { get; private set; }
        public DateTime On => Json.Date(on);
        public StatisticsTable Table(string name) =>
            Tables.Find(t => t.Name == name) ?? throw new KeyNotFoundException($"no statistics table '{name}'");
    }

    /// <summary>A cross-tab: <see cref="Cells"/>[row][column], with totals.</summary>
    [DataContract]
    public sealed class StatisticsTable
    {
        [DataMember(Name = "name")] public string Name { get; private set; }
        [DataMember(Name = "rows")] public List<string> Rows { get; private set; }
        [DataMember(Name = "columns")] public List<string> Columns { get; private set; }
        [DataMember(Name = "cells")] public List<List<StatisticsCell>> Cells { get; private set; }
        [DataMember(Name = "row_totals")] public List<StatisticsCell> RowTotals { get; private set; }
        [DataMember(Name = "column_totals")] public List<StatisticsCell> ColumnTotals { get; private set; }
        [DataMember(Name = "total")] public StatisticsCell Total { get; private set; }
    }

    /// <summary>A count, or none where it is suppressed (primary or secondary suppression).</summary>
    [DataContract]
    public sealed class StatisticsCell
    {
        [DataMember(Name = "count")] public int? Count { get; private set; }
        [DataMember(Name = "suppressed")] public bool Suppressed { get; private set; }
    }
}
