using System;
using System.IO;
using System.Management.Automation;
using IotAdmin.Output;

namespace IotAdmin.Commands.Infrastructure
{
    /// <summary>The one place an ErrorRecord is built: from Core's <see cref="IotErrorInfo"/>, field by field.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(IotErrorInfo info)
        {
            var record = new ErrorRecord(info.Exception, info.ErrorId, (ErrorCategory)(int)info.Category, info.TargetObject)
            {
                ErrorDetails = new ErrorDetails(info.Message) { RecommendedAction = info.RecommendedAction },
            };
            return record;
        }

        /// <summary>Bad input found before any request was sent.</summary>
        public static ErrorRecord InvalidArgument(ArgumentException e) =>
            From(IotErrorInfo.InvalidInput("IotInvalidArgument", StripParameterSuffix(e), e.ParamName, e.ParamName == null ? "Fix the value and run the command again." : "Fix the value of -" + e.ParamName + " and run the command again."));

        public static ErrorRecord FileNotFound(FileNotFoundException e) =>
            new ErrorRecord(e, "IotFileNotFound", ErrorCategory.ObjectNotFound, e.FileName) { ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = "Check the path." } };

        /// <summary>ArgumentException.Message appends " (Parameter 'x')" on .NET; the message already names it.</summary>
        private static string StripParameterSuffix(ArgumentException e)
        {
            var message = e.Message;
            var i = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            if (i < 0) i = message.IndexOf(Environment.NewLine + "Parameter name:", StringComparison.Ordinal);
            return i > 0 ? message.Substring(0, i) : message;
        }
    }
}
