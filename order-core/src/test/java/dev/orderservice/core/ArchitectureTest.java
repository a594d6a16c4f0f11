package dev.orderservice.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.orderservice.core");

    @Test
    void core_depends_only_on_jdk_and_inject() {
        classes().that().resideInAPackage("dev.orderservice.core..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.orderservice.core..", "java..", "javax.crypto..", "jakarta.inject..")
                .check(CORE);
    }

    @Test
    void domain_depends_on_neither_ports_nor_use_cases() {
        noClasses().that().resideInAPackage("dev.orderservice.core.domain..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.orderservice.core.port..", "dev.orderservice.core.application..")
                .check(CORE);
    }

    @Test
    void ports_do_not_depend_on_use_case_implementations() {
        noClasses().that().resideInAPackage("dev.orderservice.core.port..")
                .should().dependOnClassesThat().resideInAPackage("dev.orderservice.core.application..")
                .check(CORE);
    }

    @Test
    void core_was_imported() {
        org.assertj.core.api.Assertions.assertThat(CORE.containPackage("dev.orderservice.core.domain")).isTrue();
    }
}
