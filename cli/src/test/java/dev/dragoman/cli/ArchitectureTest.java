package dev.dragoman.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of docs/DESIGN.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dragoman");
    }

    @Test
    void translate_and_summarize_never_reference_each_other() {
        noClasses()
                .that()
                .resideInAPackage("dev.dragoman.translate..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.dragoman.summarize..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("dev.dragoman.summarize..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.dragoman.translate..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void the_pipeline_is_below_the_front_ends_and_above_translate_and_summarize() {
        noClasses()
                .that()
                .resideInAPackage("dev.dragoman.pipeline..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.dragoman.cli..", "picocli..")
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage("dev.dragoman.core..", "dev.dragoman.translate..", "dev.dragoman.summarize..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.dragoman.pipeline..")
                .check(classes);
    }

    @Test
    void the_pipelines_packages_point_one_way() {
        // e.g. cost estimates and budgets build on the backend factory; the factory knows a budget only as a
        // SpendingCap
        slices().matching("dev.dragoman.pipeline.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void the_server_is_a_front_end_without_backends_or_translation_logic_of_its_own() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.dragoman.serve..", "dev.dragoman.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.dragoman.serve..")
                .check(classes);
        // serve reaches backends only through the pipeline's specs (Backends) and the translate/summarize SPIs
        noClasses()
                .that()
                .resideInAPackage("dev.dragoman.serve..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.dragoman.translate.deepl..",
                        "dev.dragoman.translate.google..",
                        "dev.dragoman.translate.azure..",
                        "dev.dragoman.translate.libretranslate..",
                        "dev.dragoman.translate.apertium..",
                        "dev.dragoman.translate.llm..",
                        "dev.dragoman.summarize.extractive..",
                        "dev.dragoman.summarize.llm..",
                        "okhttp3..",
                        "picocli..")
                .check(classes);
    }

    @Test
    void core_depends_on_no_other_module() {
        noClasses()
                .that()
                .resideInAPackage("dev.dragoman.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.dragoman.translate..",
                        "dev.dragoman.summarize..",
                        "dev.dragoman.cli..",
                        "okhttp3..",
                        "picocli..")
                .check(classes);
    }

    @Test
    void only_the_cli_prints_or_exits() {
        // and the cluster job's entry point (FlinkJob prints its summary; the workers read their keys from their
        // environment), a front end like the CLI
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.dragoman.cli..", "dev.dragoman.flink..")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .orShould()
                .callMethod(System.class, "exit", int.class)
                .orShould()
                .callMethod(System.class, "getenv", String.class)
                .orShould()
                .callMethod(System.class, "getenv")
                .check(classes);
    }
}
