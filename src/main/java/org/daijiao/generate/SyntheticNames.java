package org.daijiao.generate;

import java.util.SplittableRandom;

/**
 * Synthetic Chinese names: a weighted common surname (Pengshui's Miao and Tujia families make 冉, 任,
 * 向, 田 and 罗 more common than nationally), a one- or two-character given name drawn from syllable
 * lists, and now and then a transliterated minority name with the middle dot {@code ·}. Random
 * combinations: never a list of real persons.
 */
final class SyntheticNames {
  private static final String[] SURNAMES = {
    "冉", "任", "向", "田", "罗", "王", "李", "张", "刘", "陈", "杨", "何", "周", "吴", "黄", "赵", "蒋", "彭",
    "侯", "庞", "龚", "石", "杜", "谢", "文", "汪", "徐", "朱", "胡", "郑", "廖", "崔", "蔡", "龙", "秦", "曾"
  };
  // Weights parallel to SURNAMES: the first five are the county's large Miao/Tujia families.
  private static final int[] SURNAME_WEIGHTS = {
    9, 7, 7, 7, 5, 6, 6, 5, 5, 4, 4, 3, 3, 3, 3, 2, 2, 3, 3, 2, 2, 3, 2, 2, 2, 1, 2, 2, 2, 1, 2, 2,
    2, 2, 1, 1
  };
  private static final String MALE = "明国华建军伟强勇平志文斌刚林超涛兴福贵德海成永祥云龙洪昌俊杰宏波";
  private static final String FEMALE = "秀英芳丽敏静霞燕红梅兰玉珍凤琴娟莲桂芬翠萍艳琳婷雪春菊慧蓉娇";
  private static final String SHARED = "小大世光中春天红金先正长家学开庆维";
  private static final String[] MINORITY_GIVEN = {"阿依古丽", "热依拉", "古丽", "艾力", "努尔", "迪丽娜", "阿力木"};
  private static final String[] MINORITY_FATHER = {"买买提", "吐尔逊", "阿不都", "依明", "艾买提", "热合曼"};
  private static final int SURNAME_TOTAL = sum(SURNAME_WEIGHTS);

  private SyntheticNames() {}

  static String name(SplittableRandom rng, boolean male) {
    if (rng.nextInt(250) == 0) {
      return pick(rng, MINORITY_GIVEN) + "·" + pick(rng, MINORITY_FATHER);
    }
    StringBuilder sb = new StringBuilder(surname(rng));
    String own = male ? MALE : FEMALE;
    if (rng.nextInt(5) == 0) {
      sb.append(own.charAt(rng.nextInt(own.length())));
    } else {
      String first = rng.nextInt(3) == 0 ? SHARED : own;
      sb.append(first.charAt(rng.nextInt(first.length())));
      sb.append(own.charAt(rng.nextInt(own.length())));
    }
    return sb.toString();
  }

  /**
   * The same person written with another last character: a typing or homophone slip that makes an
   * identity conflict (docs/rules.md#one-person-per-id).
   */
  static String withOtherLastCharacter(SplittableRandom rng, String name) {
    String pool = MALE + FEMALE;
    char last = name.charAt(name.length() - 1);
    char other = last;
    while (other == last) {
      other = pool.charAt(rng.nextInt(pool.length()));
    }
    return name.substring(0, name.length() - 1) + other;
  }

  private static String surname(SplittableRandom rng) {
    int r = rng.nextInt(SURNAME_TOTAL);
    for (int i = 0; i < SURNAMES.length; i++) {
      r -= SURNAME_WEIGHTS[i];
      if (r < 0) {
        return SURNAMES[i];
      }
    }
    return SURNAMES[0];
  }

  private static String pick(SplittableRandom rng, String[] values) {
    return values[rng.nextInt(values.length)];
  }

  private static int sum(int[] values) {
    int s = 0;
    for (int v : values) {
      s += v;
    }
    return s;
  }
}
