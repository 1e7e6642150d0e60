package org.chengxin.generator;

/**
 * Raw device ids, IP addresses and shipping addresses, derived from an index by hashing, so no
 * account's values are stored. Plausible-looking but synthetic; ingest pseudonymises them.
 *
 * <p>Honest buyers mostly have their own values, with natural sharing: households share a device,
 * home IP and address; a carrier NAT IP is shared by thousands of accounts; parcel lockers are
 * shared delivery addresses. Campaign accounts use small shared pools (indices in their own ranges).
 */
final class RawIdentity {
  /** Index ranges of shared campaign pools, far above any account index. */
  static final long RING_POOL = 1L << 40;
  static final long ATTACK_POOL = 2L << 40;
  private static final long SECOND_DEVICE = 1L << 36;

  private static final double HOUSEHOLD_SHARE = 0.07;
  private static final double SECOND_DEVICE_SHARE = 0.05;
  private static final double NAT_SHARE = 0.35;
  private static final double LOCKER_SHARE = 0.07;
  private static final int ACCOUNTS_PER_NAT_IP = 4_000;
  private static final int ACCOUNTS_PER_LOCKER = 800;

  private static final String[] CITIES = {
    "Hangzhou, Zhejiang", "Shanghai", "Beijing", "Shenzhen, Guangdong", "Guangzhou, Guangdong",
    "Chengdu, Sichuan", "Wuhan, Hubei", "Nanjing, Jiangsu", "Xi'an, Shaanxi", "Suzhou, Jiangsu"
  };
  private static final String[] DISTRICTS = {
    "Xihu District", "Binjiang District", "Chaoyang District", "Pudong New Area", "Nanshan District",
    "Tianhe District", "Wuhou District", "Jianghan District", "Gulou District", "Yanta District"
  };
  private static final String[] ROADS = {
    "Wensan Road", "Jiangnan Avenue", "Zhongshan Road", "Renmin Road", "Jiefang Road", "Huaihai Road",
    "Xueyuan Road", "Heping Street", "Changjiang Road", "Yan'an Road", "Binhe Road", "Guangming Street"
  };
  private static final String[] COMPOUNDS = {
    "Lvyuan Garden", "Jinxiu Residence", "Xingfu Village", "Riverside Mansion", "Cuiyuan Community",
    "Taoyuan Estate", "Mingzhu Apartments", "Huafu Court"
  };

  private final long seed;
  private final int natIps;
  private final int lockers;

  RawIdentity(long seed, int honestBuyers) {
    this.seed = seed;
    natIps = Math.max(3, honestBuyers / ACCOUNTS_PER_NAT_IP);
    lockers = Math.max(3, honestBuyers / ACCOUNTS_PER_LOCKER);
  }

  /** The account whose device, home IP and address this account shares (itself for most). */
  long household(long account) {
    return account > 0 && Draws.unit(Draws.hash(seed, 11, account)) < HOUSEHOLD_SHARE ? account - 1 : account;
  }

  /** Device used for one of the buyer's orders. */
  String buyerDevice(long account, double draw) {
    return device(draw < SECOND_DEVICE_SHARE ? SECOND_DEVICE + account : household(account));
  }

  /** IP of one of the buyer's orders: home broadband or the mobile carrier's NAT. */
  String buyerIp(long account, double draw) {
    return draw < NAT_SHARE
        ? natIp(Math.floorMod(Draws.hash(seed, 12, account), natIps))
        : publicIp(household(account));
  }

  /** Shipping address of one of the buyer's orders: home or the nearest parcel locker. */
  String buyerAddress(long account, double draw) {
    return draw < LOCKER_SHARE
        ? locker(Math.floorMod(Draws.hash(seed, 13, account), lockers))
        : address(household(account));
  }

  String device(long index) {
    long h = Draws.hash(seed, 21, index);
    String hex = Long.toHexString(h | Long.MIN_VALUE);
    return hex.substring(0, 16);
  }

  String publicIp(long index) {
    long h = Draws.hash(seed, 22, index);
    // 11..210, stepping over private, loopback and link-local first octets.
    int first = (int) Math.floorMod(h, 200) + 11;
    if (first == 127 || first == 100 || first == 172 || first == 192 || first == 169) {
      first++;
    }
    return first + "." + ((h >>> 16) & 0xff) + "." + ((h >>> 24) & 0xff) + "." + (1 + ((h >>> 32) & 0xfd));
  }

  String natIp(long index) {
    long h = Draws.hash(seed, 23, index);
    return "10." + ((h >>> 8) & 0xff) + "." + ((h >>> 16) & 0xff) + "." + (1 + ((h >>> 24) & 0xfd));
  }

  String address(long index) {
    long h = Draws.hash(seed, 24, index);
    int city = (int) Math.floorMod(h, CITIES.length);
    return "Room "
        + (101 + (h >>> 8) % 2800)
        + ", Building "
        + (1 + (h >>> 20) % 30)
        + ", "
        + COMPOUNDS[(int) ((h >>> 28) % COMPOUNDS.length)]
        + ", "
        + (1 + (h >>> 34) % 999)
        + " "
        + ROADS[(int) ((h >>> 44) % ROADS.length)]
        + ", "
        + DISTRICTS[city]
        + ", "
        + CITIES[city];
  }

  String locker(long index) {
    long h = Draws.hash(seed, 25, index);
    int city = (int) Math.floorMod(h, CITIES.length);
    return "Parcel Locker "
        + (1 + (h >>> 8) % 300)
        + ", "
        + COMPOUNDS[(int) ((h >>> 20) % COMPOUNDS.length)]
        + " Gate, "
        + DISTRICTS[city]
        + ", "
        + CITIES[city];
  }
}
