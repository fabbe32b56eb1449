// The library's enumerations in C# spelling (intake -> Intake). Documents carry the
// library's names; Names converts both ways. A test checks these against the library's
// vocabulary, so a new value in the library is noticed.
using System;
using System.Text;

namespace Jmdcm
{
    public enum Role { CaseWorker, TeamLead, Statistics, Administrator }
    public enum CaseKind { Counselling, Cm }
    public enum Phase { Intake, Screening, Assessment, Planning, Implementation, Closure }
    public enum ClosureReason { GoalsReached, EndedByYoungPerson, LackOfCooperation, StructuralObstacles, NoContact, OfficeClosed }
    public enum LifeArea { Language, Occupation, Relationships, Leisure, EverydayLife, Housing, SocialProblems, Finances, PoliticalParticipation }
    public enum Perspective { YoungPerson, CaseWorker, ThirdParty }
    public enum Achievement { Achieved, Partly, NotAchieved, Dropped }
    public enum Gender { Female, Male, Diverse, NotStated }
    public enum CaseloadLevel { FarBelowBasis, Realistic, AgreedBasis, High, Critical, Unjustifiable }
    public enum PartnerKind { Personal, CaseSpecific, NonCaseSpecific }
    public enum AgendaKind { PlanReview, TaskDue, TaskOverdue, FollowUpTalk, CaseReview, PaperFileCleanup, CooperationReview }
    /// <summary>Documents in German, English, or German in plain language.</summary>
    public enum Language { De, En, Plain }

    /// <summary>Library names (snake_case) to C# enum values and back.</summary>
    public static class Names
    {
        public static T Parse<T>(string name) where T : struct
        {
            var pascal = new StringBuilder();
            foreach (var part in name.Split('_'))
                if (part.Length > 0) pascal.Append(char.ToUpperInvariant(part[0])).Append(part.Substring(1));
            T value;
            if (!Enum.TryParse(pascal.ToString(), false, out value))
                throw new ArgumentException($"'{name}' is not a {typeof(T).Name}");
            return value;
        }

        public static string Of<T>(T value) where T : struct
        {
            var text = value.ToString();
            var snake = new StringBuilder();
            for (int i = 0; i < text.Length; ++i)
            {
                if (char.IsUpper(text[i]) && i > 0) snake.Append('_');
                snake.Append(char.ToLowerInvariant(text[i]));
            }
            return snake.ToString();
        }
    }
}
