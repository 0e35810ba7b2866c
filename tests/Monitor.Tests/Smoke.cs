namespace Monitor.Tests; public class Smoke { [NUnit.Framework.Test] public void T() {} }
