using IotAdmin.Output;

namespace IotAdmin.Operations
{
    /// <summary>
    /// The rule for per-item failures: report them and go on (one bad device must not end a 10,000-device
    /// pipeline), except authentication failures, which no later item can escape — those end the command.
    /// </summary>
    internal static class ItemFailures
    {
        public static void Report(ICommandOutput output, IotApiException e, object? target)
        {
            var info = IotErrorInfo.FromApi(e, target);
            if (info.IsTerminating) throw e;
            output.WriteError(info);
        }
    }
}
