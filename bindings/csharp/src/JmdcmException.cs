using System;

namespace Jmdcm
{
    /// <summary>
    /// Base of every error the library reports. Each status code of the library's error
    /// table has its own subclass (Errors.g.cs, generated from error_codes.def), e.g.
    /// <see cref="ReleaseRequiredException"/>. Rule and field come from the library's structured
    /// error (jmdcm_error_last), not from the message.
    /// </summary>
    public partial class JmdcmException : Exception
    {
        internal JmdcmException(Status status, string statusName, string message, string rule, string field)
            : base(message)
        {
            Status = status;
            StatusName = statusName;
            Rule = string.IsNullOrEmpty(rule) ? null : rule;
            Field = string.IsNullOrEmpty(field) ? null : field;
        }

        /// <summary>The status code (the same number in every language).</summary>
        public Status Status { get; }
        /// <summary>The status's stable name, e.g. "release_required".</summary>
        public string StatusName { get; }
        /// <summary>The rule of DOMAIN.md the message cites ("R4"), if any.</summary>
        public string Rule { get; }
        /// <summary>The field the message names ("referral.recipient"), if any.</summary>
        public string Field { get; }
    }
}
