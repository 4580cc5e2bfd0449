package org.daijiao.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * File names as departments save them: glob characters are literal, Office lock files are not
 * exports.
 */
class InputFileNamesTest {
  @Test
  void globCharactersInAFileNameAreEscapedForSpark() {
    assertThat(ReadExports.literalPath("file:/in/civil_affairs/名册[1]{a,b}*?.csv"))
        .isEqualTo("file:/in/civil_affairs/名册\\[1\\]\\{a,b\\}\\*\\?.csv");
    assertThat(ReadExports.literalPath("file:/in/civil_affairs/名册(1).csv"))
        .as("parentheses are not glob characters")
        .isEqualTo("file:/in/civil_affairs/名册(1).csv");
  }

  @Test
  void officeLockFilesAndHiddenFilesAreNotExports() {
    assertThat(InputFiles.isHiddenOrLock("~$低保名册.xlsx")).isTrue();
    assertThat(InputFiles.isHiddenOrLock(".DS_Store")).isTrue();
    assertThat(InputFiles.isHiddenOrLock("_SUCCESS")).isTrue();
    assertThat(InputFiles.isHiddenOrLock("低保名册~$.xlsx")).isFalse();
    assertThat(InputFiles.isHiddenOrLock("低保名册.xlsx")).isFalse();
  }
}
