using System.Management.Automation;

// Deliberately wrong cmdlets: the checker test proves ModuleContract finds each kind of violation.
namespace IotAdmin.Tests.Contract.Bad
{
    public sealed class ThingOutput
    {
        public string Identifier { get; set; } = string.Empty;
    }

    [Cmdlet("Fetch", "IotThing")]
    [OutputType(typeof(ThingOutput))]
    public sealed class FetchIotThingCommand : PSCmdlet
    {
        [Parameter]
        public string? Session { get; set; }
    }

    [Cmdlet(VerbsCommon.Remove, "IotGadget", SupportsShouldProcess = true)]
    [OutputType(typeof(ThingOutput))]
    public sealed class RemoveIotGadgetCommand : PSCmdlet
    {
        [Parameter]
        public string? Session { get; set; }

        [Parameter]
        public string[]? Name { get; set; }

        [Parameter]
        [Alias("Name")]
        public string? DeviceId { get; set; }
    }

    [Cmdlet(VerbsCommon.Get, "IotWidget")]
    [OutputType(typeof(ThingOutput))]
    public sealed class GetIotWidgetCommand : PSCmdlet
    {
        [Parameter]
        public string? Session { get; set; }
    }

    [Cmdlet(VerbsCommon.Move, "IotWidget", SupportsShouldProcess = true, DefaultParameterSetName = "ById")]
    [OutputType(typeof(ThingOutput))]
    public sealed class MoveIotWidgetCommand : PSCmdlet
    {
        [Parameter]
        public string? Session { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "ByObject")]
        public ThingOutput? InputObject { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
        [Alias("Identifier")]
        public string DeviceId { get; set; } = string.Empty;
    }

    [Cmdlet(VerbsCommon.Set, "Widget")]
    public sealed class SetWidgetCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string DeviceId { get; set; } = string.Empty;
    }
}
