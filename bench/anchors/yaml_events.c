/* yaml-events: libyaml's own event parse of a file, the limit for reading YAML.
 *
 *     yaml-events FILE
 *
 * Reads FILE into memory (not timed), then parses it with yaml_parser_parse until the end of the
 * stream, deleting each event, and prints "ms <parse milliseconds> cpu <its CPU milliseconds> events <n>". */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <yaml.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: yaml-events FILE\n");
        return 64;
    }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 66; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *bytes = malloc(size > 0 ? size : 1);
    if (fread(bytes, 1, size, file) != (size_t)size) { perror(argv[1]); return 66; }
    fclose(file);

    struct timespec start, end, start_cpu, end_cpu;
    clock_gettime(CLOCK_MONOTONIC, &start);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start_cpu);
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, bytes, size);
    long events = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s: %s at line %zu\n", argv[1], parser.problem, parser.problem_mark.line + 1);
            return 65;
        }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        events++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &end_cpu);
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ms = (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6;
    double cpu = (end_cpu.tv_sec - start_cpu.tv_sec) * 1e3 + (end_cpu.tv_nsec - start_cpu.tv_nsec) / 1e6;
    printf("ms %.3f cpu %.3f events %ld\n", ms, cpu, events);
    free(bytes);
    return 0;
}
