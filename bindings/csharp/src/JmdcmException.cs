using System;
using System.Text.RegularExpressions;

namespace Jmdcm
{
    /// <summary>
    /// Base of every error the library reports. Each status code of the library's error
    /// table has its own subclass (Errors.g.cs, generated from error_codes.def), e.g.
    /// <see cref="ReleaseRequiredException"/>. The message names the rule and the field.
    /// </summary>
    public partial class JmdcmException : Exception
    {
        static readonly Regex RulePattern = new Regex(@"^(R\d+):");
        static readonly Regex FieldPattern = new Regex(@"\[field: (.*)\]$");  // a field may hold brackets: posts[0].share

        internal JmdcmException(Native.jmdcm_status status, string statusName, string message) : base(message)
        {
            Status = status;
            StatusName = statusName;
            var rule = RulePattern.Match(message ?? "");
            var field = FieldPattern.Match(message ?? "");
            Rule = rule.Success ? rule.Groups[1].Value : null;
            Field = field.Success ? field.Groups[1].Value : null;
        }

        /// <summary>The status code (the same number in every language).</summary>
        public Native.jmdcm_status Status { get; }
        /// <summary>The status's stable name, e.g. "release_required".</summary>
        public string StatusName { get; }
        /// <summary>The rule of DOMAIN.md the message cites ("R4"), if any.</summary>
        public string Rule { get; }
        /// <summary>The field the message names ("referral.recipient"), if any.</summary>
        public string Field { get; }
    }
}
