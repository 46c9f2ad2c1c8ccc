using System;
using System.Management.Automation;
using IotAdmin.Output;

namespace IotAdmin.Commands.Infrastructure
{
    /// <summary>The one place an ErrorRecord is built: from Core's <see cref="IotErrorInfo"/>, field by field.</summary>
    internal static class ErrorRecords
    {
        /// <param name="info">ErrorId, category, target and details.</param>
        /// <param name="thrown">The exception that was thrown, when there was one: the record keeps it for scripts that inspect $_.Exception.</param>
        public static ErrorRecord From(IotErrorInfo info, Exception? thrown = null) =>
            new ErrorRecord(thrown ?? info.Exception, info.ErrorId, (ErrorCategory)(int)info.Category, info.TargetObject)
            {
                ErrorDetails = new ErrorDetails(info.Message) { RecommendedAction = info.RecommendedAction },
            };
    }
}
