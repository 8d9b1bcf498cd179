package dev.phoneverify.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application on verify-spring-boot-starter: the JSON API on the fake gateway by default,
 * {@code GET /health} through Actuator, on {@code $PORT} (8080). Its settings are in {@code application.properties}.
 */
@SpringBootApplication
public class SampleApplication {

    /** Starts the application; {@code --phoneverify.gateway=vonage} and the like override the defaults. */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
