using System;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Errors;
using IotAdmin.Models;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Onboarding
{
    /// <summary>
    /// Remove-IotEmulatedDevice and Send-IotEmulatedEvent: one call per piped device, each outcome reported
    /// (a failure is a non-terminating error with the device id as target), a summary at the end.
    /// </summary>
    internal sealed class EmulatedDeviceOperation
    {
        public const string RemoveCommand = "Remove-IotEmulatedDevice";
        public const string SendCommand = "Send-IotEmulatedEvent";

        private readonly IOnboardingBackend _backend;
        private readonly EmulatedEvent? _event;
        private readonly bool _passThru;
        private readonly OnboardingTally _tally;

        private EmulatedDeviceOperation(IotSession session, string? emulatorEndpoint, string command, EmulatedEvent? emulatedEvent, bool passThru)
        {
            if (session == null) throw new ArgumentNullException(nameof(session));
            _backend = OnboardingApi.For(session, emulatorEndpoint);
            _event = emulatedEvent;
            _passThru = passThru;
            _tally = new OnboardingTally(session, command);
        }

        public static EmulatedDeviceOperation Remove(IotSession session, string? emulatorEndpoint) => new EmulatedDeviceOperation(session, emulatorEndpoint, RemoveCommand, null, false);

        /// <summary>Checks the event data now (before any request): a wrong combination ends the command.</summary>
        public static EmulatedDeviceOperation Send(IotSession session, string? emulatorEndpoint, EmulatedEvent emulatedEvent, bool passThru)
        {
            emulatedEvent.TypeFor(null);
            return new EmulatedDeviceOperation(session, emulatorEndpoint, SendCommand, emulatedEvent, passThru);
        }

        /// <summary>"Delete emulated device" / "Publish a temperature event": what ShouldProcess shows.</summary>
        public string ActionFor(EmulatedDeviceRef device) => _event == null ? "Delete emulated device" : "Publish a " + _event.TypeFor(device.Type) + " event";

        /// <summary>False (and the device reported as failed) when its ids cannot be ids; true when it may be sent.</summary>
        public bool Check(EmulatedDeviceRef device, ICommandOutput output)
        {
            var problem = InputRules.CheckId("Device", device.DeviceId) ?? InputRules.CheckId("Project", device.ProjectId);
            if (problem == null) return true;
            _tally.Fail(output, IotErrorInfo.InvalidInput(ClientErrorIds.InvalidDeviceId, problem, device.DeviceId, "Pipe devices from New-IotEmulatedDevice or Get-IotDevice, or pass -ProjectId and -DeviceId."));
            return false;
        }

        public void Skip() => _tally.Skipped++;

        public void WhatIf() => _tally.WhatIf++;

        public async Task RunAsync(EmulatedDeviceRef device, ICommandOutput output, CancellationToken cancellationToken)
        {
            var context = _tally.Context(output);
            try
            {
                if (_event == null)
                {
                    await _backend.DeleteEmulatedDeviceAsync(device.ProjectId, device.DeviceId, context, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    byte[] body;
                    try
                    {
                        body = _event.BodyFor(device.Type);
                    }
                    catch (ArgumentException e)
                    {
                        _tally.Fail(output, IotErrorInfo.InvalidInput(ClientErrorIds.InvalidArgument, e.Message, device.DeviceId, "Give the event data this device's type takes."));
                        return;
                    }

                    await _backend.PublishAsync(device.ProjectId, device.DeviceId, body, context, cancellationToken).ConfigureAwait(false);
                    // The piped object as it came (no re-read: a device made seconds ago is not readable yet, DT's propagation delay).
                    if (_passThru) output.WriteObject(device.Source ?? device);
                }

                _tally.Succeeded++;
            }
            catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
            {
                _tally.Fail(output, IotErrorInfo.FromApi(e, device.DeviceId));
            }
        }

        public IotBulkSummary Complete(ICommandOutput output) => _tally.WriteSummary(output);
    }
}
