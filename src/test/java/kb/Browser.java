package kb;

import java.io.File;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver, driven by Selenium without downloading anything. Missing
 * binaries fail the test with the command that installs them: a browser test never skips silently.
 */
public final class Browser {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {}

    private static ChromeDriver shared;

    /** One desktop-sized Chromium for every browser test class, quit when the test JVM exits. */
    public static synchronized ChromeDriver shared() {
        if (shared == null) {
            shared = open(1280, 900);
            ChromeDriver driver = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit, "shared-browser-quit"));
        }
        return shared;
    }

    /**
     * A 375x740 phone: that viewport exactly (headless Chromium will not make a window narrower
     * than 500 px, so the size is emulated), a touch screen without hover, mobile viewport rules.
     */
    public static ChromeDriver phone() {
        return phone(false);
    }

    public static ChromeDriver phone(boolean javascriptOff) {
        ChromeDriver driver = open(500, 900, javascriptOff);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", 375, "height", 740, "deviceScaleFactor", 1, "mobile", true));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", java.util.Map.of("enabled", true, "maxTouchPoints", 5));
        return driver;
    }

    public static ChromeDriver open(int width, int height) {
        return open(width, height, false);
    }

    public static ChromeDriver open(int width, int height, boolean javascriptOff) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new AssertionError("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--window-size=" + width + "," + height);
        if (javascriptOff) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }
}
